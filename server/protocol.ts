// The live wire format, shared by the server, the browser client and the bots. Every message a
// client sends is checked here with zod; nothing else reaches the game.
import { z } from 'zod';
import { moveSchema } from '../src/core/moves';
import { PARTIES, DIFFICULTIES } from '../src/core/parties';
import { MAX_NAME_LENGTH } from '../src/core/codes';

/** No message, in either direction of the API, may be longer than this. */
export const MAX_MESSAGE_BYTES = 4 * 1024;

export const partySchema = z.enum(PARTIES);

export const joinOptionsSchema = z.object({ token: z.string().min(16).max(64) }).strict();

export const clientMessageSchema = z.discriminatedUnion('type', [
  z
    .object({ type: z.literal('move'), id: z.number().int().min(1).max(1e9), move: moveSchema })
    .strict(),
  /** Friends' tables: a seated person starts the table; computers take the empty seats. */
  z.object({ type: z.literal('start') }).strict(),
]);
export type ClientMessage = z.infer<typeof clientMessageSchema>;

export const classOptionsSchema = z
  .object({
    level: z.string().regex(/^[a-z0-9-]{1,40}$/),
    seed: z
      .string()
      .regex(/^[0-9A-Z]{1,16}$/)
      .optional(),
    difficulty: z.enum(DIFFICULTIES).default('normal'),
    tableSize: z.number().int().min(1).max(4).default(4),
    phaseSeconds: z.number().int().min(0).max(3600).default(0),
    friends: z.boolean().default(false),
  })
  .strict();
export type ClassOptions = z.infer<typeof classOptionsSchema>;

export const CLASS_CODE_ALPHABET = 'BCDFGHJKLMNPQRSTVWXZ23456789';
export const classCodeSchema = z.string().regex(/^[BCDFGHJKLMNPQRSTVWXZ2-9]{6}$/);

export const joinRequestSchema = z
  .object({ code: classCodeSchema, name: z.string().max(MAX_NAME_LENGTH * 4) })
  .strict();

export const seatRefSchema = z.object({ table: z.string().max(40), party: partySchema }).strict();
export const teacherActionSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('start'), table: z.string().max(40) }).strict(),
  z.object({ type: z.literal('startAll') }).strict(),
  z.object({ type: z.literal('computer'), seat: seatRefSchema }).strict(),
  z.object({ type: z.literal('move'), from: seatRefSchema, to: seatRefSchema }).strict(),
  z.object({ type: z.literal('pause') }).strict(),
  z.object({ type: z.literal('resume') }).strict(),
  z.object({ type: z.literal('end') }).strict(),
]);
export type TeacherAction = z.infer<typeof teacherActionSchema>;

/** What the server says to one client (besides 'update', a SeatUpdate from src/live/seatUpdate). */
export type ServerMessage =
  | {
      type: 'seat';
      party: string;
      tableId: string;
      level: string;
      seed: string;
      difficulty: string;
      moves: unknown[];
      friends: boolean;
    }
  | { type: 'refused'; id: number | null; code: string; message: string; redLine?: string }
  | { type: 'ack'; id: number; index: number }
  | { type: 'moved-to'; tableId: string; token: string };
