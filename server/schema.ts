// The synced (public) table state. Only what every seat may know: never weights, values, private
// red lines or reservations. Each seat's private view goes to it alone, by client.send.
import { ArraySchema, MapSchema, Schema, defineTypes } from '@colyseus/schema';

export class SeatState extends Schema {
  declare party: string;
  /** 'person' | 'computer' | 'empty' (a seat for a person nobody has taken yet). */
  declare occupant: string;
  declare name: string;
  declare connected: boolean;
  constructor() {
    super();
    this.party = '';
    this.occupant = 'empty';
    this.name = '';
    this.connected = false;
  }
}
defineTypes(SeatState, {
  party: 'string',
  occupant: 'string',
  name: 'string',
  connected: 'boolean',
});

export class TableState extends Schema {
  declare tableId: string;
  declare classCode: string;
  /** 'waiting' (for people and the start) | 'playing' | 'over' */
  declare status: string;
  declare phase: string;
  declare round: number;
  declare waitingFor: ArraySchema<string>;
  declare outcome: string;
  declare paused: boolean;
  declare moves: number;
  /** Unix ms when the current phase's time runs out; 0 without a limit. */
  declare deadlineAt: number;
  declare seats: MapSchema<SeatState>;
  constructor() {
    super();
    this.tableId = '';
    this.classCode = '';
    this.status = 'waiting';
    this.phase = '';
    this.round = 0;
    this.waitingFor = new ArraySchema<string>();
    this.outcome = '';
    this.paused = false;
    this.moves = 0;
    this.deadlineAt = 0;
    this.seats = new MapSchema<SeatState>();
  }
}
defineTypes(TableState, {
  tableId: 'string',
  classCode: 'string',
  status: 'string',
  phase: 'string',
  round: 'number',
  waitingFor: ['string'],
  outcome: 'string',
  paused: 'boolean',
  moves: 'number',
  deadlineAt: 'number',
  seats: { map: SeatState },
});
