import { describe, expect, it } from 'vitest';
import { en } from './en';
import i18n, { toLanguage } from './i18n';
import { zhCN } from './zhCN';

type Tree = { [key: string]: string | Tree };

function flatten(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') out.set(path, value);
    else for (const [k, v] of flatten(value, path)) out.set(k, v);
  }
  return out;
}

function placeholders(text: string): string[] {
  return [...text.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1]!).sort();
}

const english = flatten(en);
const chinese = flatten(zhCN as Tree);

describe('translations', () => {
  it('English and Chinese have exactly the same keys', () => {
    expect([...chinese.keys()].sort()).toEqual([...english.keys()].sort());
  });

  it('every string is non-empty and uses the same placeholders in both languages', () => {
    for (const [key, text] of english) {
      expect(text.trim(), key).not.toBe('');
      expect(chinese.get(key)?.trim(), key).not.toBe('');
      expect(placeholders(chinese.get(key) ?? ''), key).toEqual(placeholders(text));
    }
  });

  it('translates every error code the server documents', () => {
    for (const code of [
      'meeting_not_found', 'bad_request', 'meeting_full', 'bad_sdp', 'not_joined', 'sign_in_required', 'not_host',
    ]) {
      expect(english.has(`errors.${code}`), code).toBe(true);
    }
  });

  it('keeps the accessible names the end-to-end tests look for', () => {
    expect(
      [
        'start.newMeeting', 'start.join', 'prejoin.joinMeeting', 'controls.mute', 'controls.unmute',
        'controls.cameraOff', 'controls.cameraOn', 'controls.copyLink', 'controls.participants',
        'controls.leave', 'left.rejoin', 'left.home', 'language.label', 'start.displayName',
        'start.meetingNumber', 'prejoin.camera', 'prejoin.microphone', 'prejoin.speaker',
        'prejoin.micLevel', 'participants.title',
      ].map((k) => english.get(k)),
    ).toEqual([
      'New meeting', 'Join', 'Join meeting', 'Mute', 'Unmute', 'Turn camera off', 'Turn camera on',
      'Copy link', 'Participants', 'Leave', 'Rejoin', 'Home', 'Language', 'Display name',
      'Meeting number', 'Camera', 'Microphone', 'Speaker', 'Microphone level', 'Participants',
    ]);
  });

  it('names the meeting and presence controls in both languages', () => {
    const keys = [
      'start.meetingTitle', 'start.allowGuests', 'history.title', 'host.allowGuests', 'host.endMeeting',
      'host.confirm', 'ended.title', 'prejoin.signInRequired', 'badge.host', 'badge.guest',
      'presence.reconnecting', 'presence.online',
    ];
    expect(keys.map((k) => english.get(k))).toEqual([
      'Meeting title', 'Allow guests to join by link', 'Recent meetings', 'Allow guests',
      'End meeting for everyone', 'End meeting', 'Meeting ended', 'Sign in to join this meeting', 'Host',
      'Guest', 'Reconnecting…', 'Online',
    ]);
    expect(keys.map((k) => chinese.get(k))).toEqual([
      '会议主题', '允许访客通过链接加入', '最近的会议', '允许访客', '结束会议', '确认结束', '会议已结束',
      '登录后才能加入此会议', '主持人', '访客', '正在重新连接…', '在线',
    ]);
  });

  it('keeps the accessible names of the account pages, in both languages', () => {
    const keys = [
      'fields.username', 'fields.password', 'fields.confirmPassword', 'fields.displayName',
      'fields.phone', 'fields.moodLine', 'fields.currentPassword', 'fields.newPassword',
      'fields.rememberMe', 'signIn.submit', 'account.register', 'register.submit', 'account.signOut',
      'profile.save', 'profile.changePassword', 'profile.upload', 'account.signIn', 'account.profile',
    ];
    expect(keys.map((k) => english.get(k))).toEqual([
      'Username', 'Password', 'Confirm password', 'Display name', 'Phone (optional)', 'Mood line',
      'Current password', 'New password', 'Remember me', 'Sign in', 'Register', 'Create account',
      'Sign out', 'Save', 'Change password', 'Upload avatar', 'Sign in', 'Profile',
    ]);
    expect(keys.map((k) => chinese.get(k))).toEqual([
      '用户名', '密码', '确认密码', '显示名称', '手机号（选填）', '个性签名', '当前密码', '新密码',
      '记住我', '登录', '注册', '创建账号', '退出登录', '保存', '修改密码', '上传头像', '登录',
      '个人资料',
    ]);
    expect(chinese.get('signedOut.signed_in_elsewhere')).toBe('您的账号在其他地方登录，您已被登出');
  });

  it('translates every account error code the server documents', () => {
    for (const code of [
      'username_invalid', 'username_taken', 'password_too_short', 'password_too_long',
      'password_too_common', 'password_equals_username', 'display_name_invalid', 'phone_invalid',
      'mood_invalid', 'invalid_credentials', 'too_many_attempts', 'not_signed_in', 'csrf_rejected',
      'avatar_invalid', 'avatar_too_large', 'payload_too_large',
    ]) {
      expect(english.has(`errors.${code}`), code).toBe(true);
    }
    for (const reason of ['signed_in_elsewhere', 'logout', 'password_changed', 'revoked', 'session_expired']) {
      expect(english.has(`signedOut.${reason}`), reason).toBe(true);
    }
  });

  it('maps browser languages to a supported one', () => {
    expect(['zh', 'zh-CN', 'zh-TW', 'ZH-hans', 'en-US', 'fr', '', undefined].map(toLanguage)).toEqual([
      'zh-CN', 'zh-CN', 'zh-CN', 'zh-CN', 'en', 'en', 'en', 'en',
    ]);
  });

  it('switches language at run time', async () => {
    await i18n.changeLanguage('zh-CN');
    expect(i18n.t('controls.leave')).toBe('离开会议');
    await i18n.changeLanguage('en');
    expect(i18n.t('controls.leave')).toBe('Leave');
    expect(i18n.t('tile.you', { name: 'Ada' })).toBe('Ada (you)');
  });
});
