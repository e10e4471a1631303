import { TransferStore } from './transferStore';

/** The page's file transfers: one store, so that a transfer goes on while its chat is closed. */
export const transfers = new TransferStore();
