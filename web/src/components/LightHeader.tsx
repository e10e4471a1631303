import { AccountMenu } from './AccountMenu';
import { BrandMark } from './BrandMark';
import { LanguageSwitch } from './LanguageSwitch';

/**
 * LightHeader is the header of the light pages: the brand (a link home), the account corner
 * (left out on the sign-in and registration pages themselves) and the language switch.
 */
export function LightHeader({ account = true }: { account?: boolean }) {
  return (
    <header className="light-page__header">
      <BrandMark tone="light" />
      <div className="light-page__actions">
        {account && <AccountMenu />}
        <LanguageSwitch tone="light" />
      </div>
    </header>
  );
}
