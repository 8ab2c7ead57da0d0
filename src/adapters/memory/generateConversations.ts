import type { Conversation } from '../../core/types';

/** A small, fast, seedable PRNG (mulberry32): the same seed always yields the same sequence. */
export function createRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const personNames = [
  'Alice Martin',
  'Bruno Costa',
  'Chloé Dubois',
  'Daniel Schmidt',
  'Emma Johansson',
  'Felipe Ortega',
  'Grace Okafor',
  'Hannah Müller',
  'Ivan Petrov',
  'Julia Nowak',
  'Kai Andersen',
  'Lucía Fernández',
  '佐藤 陽菜',
  '鈴木 大翔',
  '高橋 さくら',
  '田中 蓮',
  '渡辺 結衣',
  '王伟',
  '李娜',
  '张敏',
  '刘洋',
  '陈静',
  'محمد العلي',
  'فاطمة الزهراء',
  'أحمد حسن',
  'ليلى منصور',
  'Nguyễn Thị Mai',
  'Zoë van der Berg',
];

const groupNames = [
  'Design team',
  'Weekend hiking',
  'Book club',
  'Release 4.2 war room',
  'Family',
  '週末ハイキング部',
  'プロジェクト連絡',
  '家庭群',
  '大学同学',
  '产品讨论组',
  'فريق التسويق',
  'عائلة الحسن',
];

const messages = [
  'See you tomorrow!',
  'Can you send me the slides?',
  'Thanks, that works for me 👍',
  'Running 10 minutes late, sorry',
  'Did you see the new build?',
  'Photo',
  'Let’s move the meeting to Friday',
  'ok',
  'Happy birthday! 🎉',
  'The invoice is attached',
  'また明日！',
  '了解しました、確認します。',
  '好的，没问题',
  '明天几点见？',
  'شكرا جزيلا',
  'سأتصل بك لاحقا',
];

/** The moment generated timestamps count back from, fixed so that output is deterministic. */
export const DEFAULT_REFERENCE_TIME = Date.UTC(2026, 0, 15, 12, 0, 0);

export interface GeneratedConversation {
  conversation: Conversation;
  historyLength: number;
}

function pick<T>(items: readonly T[], random: () => number): T {
  return items[Math.floor(random() * items.length)] as T;
}

/**
 * Generates `count` realistic conversations: one-to-one chats and groups with names in Latin,
 * Japanese, Chinese and Arabic script, some pinned, some unread, newest first, and the message
 * history length of each. The same `seed` and `referenceTime` always give the same result.
 */
export function generateConversations(
  count: number,
  seed = 1,
  referenceTime = DEFAULT_REFERENCE_TIME,
): GeneratedConversation[] {
  const random = createRandom(seed);
  const generated: GeneratedConversation[] = [];
  const nameCounts = new Map<string, number>();
  let timestamp = referenceTime;
  for (let index = 0; index < count; index += 1) {
    // Gaps grow along the list so the newest chats are minutes apart and the oldest months apart.
    timestamp -= Math.floor(random() * 60_000 * (5 + index * 2));
    const isGroup = random() < 0.3;
    const isSystem = index === 9;
    const serial = String(index + 1).padStart(5, '0');
    const baseName = isGroup ? pick(groupNames, random) : pick(personNames, random);
    // Repeated names get a number so that every row can be told apart by its name alone.
    const occurrence = (nameCounts.get(baseName) ?? 0) + 1;
    nameCounts.set(baseName, occurrence);
    const displayName = isSystem
      ? 'System notifications'
      : occurrence > 1
        ? `${baseName} ${occurrence}`
        : baseName;
    const conversationID = isSystem
      ? '@TIM#SYSTEM'
      : isGroup
        ? `GROUP@TGS#g${serial}`
        : `C2Cuser_${serial}`;
    const hasUnread = random() < 0.35;
    generated.push({
      conversation: {
        conversationID,
        type: isSystem ? 'SYSTEM' : isGroup ? 'GROUP' : 'C2C',
        displayName,
        lastMessage: { text: pick(messages, random), timestamp },
        unreadCount: hasUnread ? 1 + Math.floor(random() ** 3 * 150) : 0,
        isPinned: random() < 0.04,
      },
      historyLength: 1 + Math.floor(random() * 60),
    });
  }
  return generated;
}
