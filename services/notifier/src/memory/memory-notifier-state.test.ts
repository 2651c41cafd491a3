import { describeNotifierState } from '../testing/notifier-state-contract.js';
import { MemoryNotifierState } from './memory-notifier-state.js';

describeNotifierState('memory', () => Promise.resolve(new MemoryNotifierState()));
