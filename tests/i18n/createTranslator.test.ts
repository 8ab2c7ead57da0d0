import { beforeAll, describe, expect, it } from 'vitest';
import { ConversationKitError } from '../../src/core';
import { createTranslator, englishMessages, loadLocale } from '../../src/i18n';

// Catalogues other than English load on demand; these tests read them loaded.
beforeAll(async () => {
  await Promise.all([loadLocale('ja'), loadLocale('zh-CN')]);
});

describe('messages', () => {
  it('exist for every key in Japanese and Chinese, never falling back to the key name', async () => {
    for (const locale of ['ja', 'zh-CN'] as const) {
      const catalog = await loadLocale(locale);
      expect(Object.keys(catalog).sort()).toEqual(Object.keys(englishMessages).sort());
    }
  });

  it('refuse a locale the kit does not speak with a typed error', async () => {
    await expect(loadLocale('fr' as never)).rejects.toThrow(ConversationKitError);
    await expect(loadLocale('fr' as never)).rejects.toMatchObject({ code: 'INVALID_ARGUMENT' });
  });

  it('pick the English plural form by count', () => {
    const { t } = createTranslator('en');
    expect(t('dialogTitleMany', { count: 3 })).toBe('Delete 3 conversations?');
    expect(t('deletedCount', { count: 1 })).toBe('Deleted 1 conversation');
    expect(t('deletedCount', { count: 2 })).toBe('Deleted 2 conversations');
    expect(t('failedCount', { count: 1 })).toBe('1 conversation could not be deleted');
    expect(t('remoteDeletedOne', { name: 'Alice' })).toBe('Alice was deleted on another device');
    expect(t('selectedCount', { count: 0 })).toBe('0 selected');
  });

  it('read naturally in Japanese and Chinese, which have no plural forms', () => {
    const ja = createTranslator('ja');
    expect(ja.t('dialogTitleMany', { count: 3 })).toBe('3件の会話を削除しますか？');
    expect(ja.t('clearHistory')).toBe('チャット履歴も削除する');
    expect(ja.t('clearHistoryWarning')).toContain('復元できません');
    const zh = createTranslator('zh-CN');
    expect(zh.t('dialogTitleMany', { count: 3 })).toBe('删除 3 个会话？');
    expect(zh.t('clearHistoryWarning')).toContain('无法恢复');
  });

  it('let the host override single messages, and fall back to English for the rest', () => {
    const { t } = createTranslator('ja', { cancel: 'やめる' });
    expect(t('cancel')).toBe('やめる');
    expect(t('confirmDelete')).toBe('削除');
    const partial = createTranslator('en', { deletedCount: { other: '{count} gone' } });
    expect(partial.t('deletedCount', { count: 1 })).toBe('1 gone');
    // A message missing from an override object is never shown as its key.
    const broken = createTranslator('en', { cancel: undefined } as never);
    expect(broken.t('cancel')).toBe('Cancel');
  });

  it('treat names as plain text, whatever they contain', () => {
    const { t } = createTranslator('en');
    expect(t('remoteDeletedOne', { name: '<b>{count}</b>' })).toBe(
      '<b>{count}</b> was deleted on another device',
    );
  });
});

describe('times', () => {
  const now = new Date(2026, 0, 15, 12, 0, 0).getTime();

  it('say now, minutes, the clock, yesterday, a weekday or a date as a chat list does', () => {
    const { formatTime } = createTranslator('en');
    expect(formatTime(now - 20_000, now)).toBe('now');
    expect(formatTime(now - 5 * 60_000, now)).toBe('5 min. ago');
    expect(formatTime(now - 3 * 3_600_000, now)).toMatch(/^9:00\sAM$/);
    expect(formatTime(now - 26 * 3_600_000, now)).toBe('yesterday');
    expect(formatTime(now - 3 * 86_400_000, now)).toBe('Mon');
    expect(formatTime(now - 30 * 86_400_000, now)).toBe('Dec 16, 2025');
    expect(formatTime(new Date(2026, 0, 2).getTime(), now)).toBe('Jan 2');
  });

  it('follow the locale', () => {
    expect(createTranslator('ja').formatTime(now - 26 * 3_600_000, now)).toBe('昨日');
    expect(createTranslator('zh-CN').formatTime(now - 20_000, now)).toBe('刚刚');
    expect(createTranslator('ja').formatTime(now - 5 * 60_000, now)).toBe('5 分前');
    expect(createTranslator('zh-CN').formatTime(now - 5 * 60_000, now)).toBe('5分钟前');
    expect(createTranslator('zh-CN').formatTime(now - 26 * 3_600_000, now)).toBe('昨天');
  });

  it("take minutes ago and yesterday from the host's messages", () => {
    const { formatTime } = createTranslator('en', {
      minutesAgo: { one: '{count} minute ago', other: '{count} minutes ago' },
      yesterday: 'Yesterday',
    });
    expect(formatTime(now - 60_000, now)).toBe('1 minute ago');
    expect(formatTime(now - 59 * 60_000, now)).toBe('59 minutes ago');
    expect(formatTime(now - 26 * 3_600_000, now)).toBe('Yesterday');
  });
});
