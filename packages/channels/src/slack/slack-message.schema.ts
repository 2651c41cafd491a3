import { z } from 'zod';

/**
 * The subset of Slack's incoming-webhook message that Vigil sends, with Block Kit's documented
 * limits: at most 50 blocks; header text plain_text up to 150 characters; section text up to
 * 3000; at most 10 section fields of up to 2000; context up to 10 elements.
 */
const plain = (max: number) =>
  z.strictObject({
    type: z.literal('plain_text'),
    text: z.string().min(1).max(max),
    emoji: z.boolean().optional(),
  });
const text = (max: number) =>
  z.union([plain(max), z.strictObject({ type: z.literal('mrkdwn'), text: z.string().min(1).max(max) })]);

export const slackBlockSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('header'), text: plain(150) }),
  z.strictObject({
    type: z.literal('section'),
    text: text(3000).optional(),
    fields: z.array(text(2000)).max(10).optional(),
  }),
  z.strictObject({ type: z.literal('context'), elements: z.array(text(3000)).min(1).max(10) }),
  z.strictObject({ type: z.literal('divider') }),
]);

export const slackMessageSchema = z.strictObject({
  /** Fallback for notifications and clients without blocks. */
  text: z.string().min(1).max(40_000),
  blocks: z.array(slackBlockSchema).max(50).optional(),
});

export type SlackBlock = z.infer<typeof slackBlockSchema>;
export type SlackMessage = z.infer<typeof slackMessageSchema>;
