// The replay viewer's chunk, loaded when a result code is opened (shell.ts): the game rebuilt round
// by round from the code, and the screen that steps through it.
export { buildReplay, forkOf } from './replayData';
export { render } from '../ui/screens/replay';
