import { z } from 'zod';
import { accountMessages } from './account-messages';
import { associationMessages } from './association-messages';
import { backupMessages } from './backup-messages';
import { draftMessages } from './draft-messages';
import { keyMessages } from './key-messages';
import { outboxMessages } from './outbox-messages';
import { REFUSAL_PANEL_TOKEN } from './panel-token';
import { peopleMessages } from './people-messages';
import { policyMessages } from './policy-messages';
import { postMessages } from './post-messages';
import { recordMessages } from './record-messages';
import { ruleMessages } from './rule-messages';
import { settingsMessages } from './settings-messages';
import { socialMessages } from './social-messages';
import { usageMessages } from './usage-messages';

export type { SenderContext } from './spec';

/**
 * The one message protocol: every message the background answers, declared once, in
 * groups by subject (lib/messages/<subject>-messages.ts, each answered by
 * entrypoints/background/handlers/<subject>.ts). A new subject is one line here and one in
 * the handlers' index. The schemas are both the TypeScript types and the run-time checks.
 */
export const protocol = {
  ...recordMessages,
  ...accountMessages,
  ...keyMessages,
  ...associationMessages,
  ...peopleMessages,
  ...postMessages,
  ...outboxMessages,
  ...draftMessages,
  ...usageMessages,
  ...backupMessages,
  ...ruleMessages,
  ...settingsMessages,
  ...policyMessages,
  ...socialMessages,
};

export type MessageName = keyof typeof protocol;
export type MessageInput<K extends MessageName> = z.input<(typeof protocol)[K]['input']>;
export type MessageOutput<K extends MessageName> = z.output<(typeof protocol)[K]['output']>;

/**
 * The envelope every message travels in. The panel adds the token its content script gave it
 * (lib/messages/panel-token.ts); nothing else carries one.
 */
export const Envelope = z
  .object({ name: z.string().max(100), input: z.unknown(), panelToken: z.string().max(100).optional() })
  .strict();

/** Why a message was refused or failed; `code` is stable, `message` is for people. */
export const MessageFailure = z.object({ code: z.string(), message: z.string() });
export type MessageFailure = z.infer<typeof MessageFailure>;

export const Reply = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), value: z.unknown() }),
  z.object({ ok: z.literal(false), error: MessageFailure }),
]);
export type Reply = z.infer<typeof Reply>;

/** Error codes the background answers with, beside those the handlers raise. */
export const REFUSAL = {
  malformed: 'malformed-message',
  unknown: 'unknown-message',
  sender: 'sender-not-allowed',
  panelToken: REFUSAL_PANEL_TOKEN,
  input: 'invalid-input',
  internal: 'internal-error',
} as const;
