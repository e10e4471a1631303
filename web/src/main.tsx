import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import './i18n/i18n';
import { App } from './components/App';
import './styles/base.css';
import './styles/start.css';
import './styles/prejoin.css';
import './styles/meeting.css';
import './styles/account.css';
import './styles/friends.css';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
