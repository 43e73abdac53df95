// Entry of the message writer thread. Worker threads do not inherit the
// TypeScript loader of `node --import tsx`, so it is registered here.
import { register } from 'tsx/esm/api';

register();
await import('./writer-thread.ts');
