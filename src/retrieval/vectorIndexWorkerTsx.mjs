// Worker threads do not get tsx's TypeScript loader on Node 20 (tsx registers it on the main thread
// only), so when newsdesk runs from its TypeScript sources its worker registers the loader itself.
import { register } from 'tsx/esm/api';

register();
await import('./vectorIndexWorker.ts');
