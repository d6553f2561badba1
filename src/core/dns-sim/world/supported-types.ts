import type { RecordType } from './world.js';

// Its own module so that code naming the types (the app's simulator route, the question-type list) does not load the record-data parser.
/** The record types the simulator understands, in the order messages list them. */
export const SUPPORTED_TYPES: readonly RecordType[] = ['A', 'AAAA', 'CNAME', 'NS', 'MX', 'TXT', 'SOA', 'SRV', 'PTR', 'CAA'];
