import { z } from 'zod';
import { CrmRecord } from '../crm/record';

/**
 * Who may send a message. `content` is the content script on a CRM page (untrusted
 * surroundings); the others are the extension's own pages.
 */
export type SenderContext = 'content' | 'panel' | 'popup' | 'options';

interface MessageSpec {
  /** The contexts allowed to send this message; anyone else is refused. */
  from: readonly SenderContext[];
  /** Parsed in the background before the handler sees anything. */
  input: z.ZodType;
  /** What the background answers; typed for the sender, not parsed again. */
  output: z.ZodType;
}

/**
 * The one message protocol: every message the background answers, declared once. The
 * schemas are both the TypeScript types and the run-time checks.
 */
export const protocol = {
  /** The content script found a record on its page and read these fields. */
  recordDetected: { from: ['content'], input: CrmRecord, output: z.null() },
  /** The content script's page no longer shows a record (navigated to a list view…). */
  recordLeft: { from: ['content'], input: z.object({}).strict(), output: z.null() },
  /** The panel asks which record the tab it sits in shows. */
  currentRecord: { from: ['panel'], input: z.object({}).strict(), output: CrmRecord.nullable() },
} as const satisfies Record<string, MessageSpec>;

export type MessageName = keyof typeof protocol;
export type MessageInput<K extends MessageName> = z.input<(typeof protocol)[K]['input']>;
export type ParsedInput<K extends MessageName> = z.output<(typeof protocol)[K]['input']>;
export type MessageOutput<K extends MessageName> = z.output<(typeof protocol)[K]['output']>;

/** The envelope every message travels in. */
export const Envelope = z.object({ name: z.string().max(100), input: z.unknown() }).strict();

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
  input: 'invalid-input',
  internal: 'internal-error',
} as const;
