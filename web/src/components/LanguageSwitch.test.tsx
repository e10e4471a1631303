// @vitest-environment jsdom
import { act, fireEvent, render, screen } from '@testing-library/react';
import { useTranslation } from 'react-i18next';
import { beforeEach, describe, expect, it } from 'vitest';
import i18n from '../i18n/i18n';
import { LanguageSwitch } from './LanguageSwitch';

function Probe() {
  const { t } = useTranslation();
  return <p>{t('controls.leave')}</p>;
}

describe('LanguageSwitch', () => {
  beforeEach(async () => {
    await i18n.changeLanguage('en');
  });

  it('switches between English and 中文 and remembers the choice', async () => {
    render(
      <>
        <LanguageSwitch tone="light" />
        <Probe />
      </>,
    );
    const select = screen.getByRole('combobox', { name: 'Language' }) as HTMLSelectElement;
    expect(select.value).toBe('en');
    expect([...select.options].map((o) => o.textContent)).toEqual(['中文', 'English']);
    await act(async () => {
      fireEvent.change(select, { target: { value: 'zh-CN' } });
    });
    expect(screen.getByText('离开会议')).toBeTruthy();
    expect(screen.getByRole('combobox', { name: '语言' })).toBeTruthy();
    expect(window.localStorage.getItem('kaihui.language')).toBe('zh-CN');
    expect(document.documentElement.lang).toBe('zh-CN');
  });
});
