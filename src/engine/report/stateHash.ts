/** `stateHash`: SHA-256 hex of the canonical JSON of a final state (pure JS, synchronous). */
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';
import { canonicalJson } from './canonicalJson';

/** The hex SHA-256 of `canonicalJson(state)`. */
export const stateHash = (state: unknown): string => bytesToHex(sha256(utf8ToBytes(canonicalJson(state))));
