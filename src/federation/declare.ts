import './notes.js';
import { declareBuiltInTypes } from './types.js';

/** Declares the record types this build knows (the demonstration type intel.note and the other capabilities'). */
export function declareFederationTypes(): void {
  declareBuiltInTypes();
}
