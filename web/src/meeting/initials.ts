const CJK_ONLY = /^[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff]+$/u;

/**
 * initials is what a tile shows when the camera is off: for a name written only in Chinese,
 * Japanese or Korean characters its last two characters (张三丰 → 三丰, as Chinese meeting apps
 * do), otherwise the first letters of the first and last words, upper-cased (Ada Lovelace → AL,
 * Alice 王 → A王). `?` for an empty name.
 */
export function initials(name: string): string {
  const trimmed = name.trim();
  if (trimmed === '') return '?';
  const chars = Array.from(trimmed.replace(/\s+/g, ''));
  if (CJK_ONLY.test(chars.join(''))) return chars.slice(-2).join('');
  const words = trimmed.split(/[\s._-]+/).filter((w) => w !== '');
  const first = Array.from(words[0] ?? trimmed)[0] ?? '?';
  const last = words.length > 1 ? (Array.from(words[words.length - 1]!)[0] ?? '') : '';
  return (first + last).toUpperCase();
}

/** Background colours of initials circles; all keep white text readable (WCAG AA large text). */
export const AVATAR_COLORS: readonly string[] = [
  '#1f6fff',
  '#0e9f6e',
  '#d9480f',
  '#7048e8',
  '#c2255c',
  '#0b7285',
  '#5c7cfa',
  '#a61e4d',
  '#2b8a3e',
  '#e8590c',
];

/** avatarColor picks a colour from the name, so one person keeps one colour everywhere. */
export function avatarColor(name: string): string {
  let hash = 0;
  for (const ch of name.trim()) hash = (Math.imul(hash, 31) + ch.codePointAt(0)!) >>> 0;
  return AVATAR_COLORS[hash % AVATAR_COLORS.length]!;
}
