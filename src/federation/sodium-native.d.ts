// The one function of sodium-native (libsodium bindings, prebuilt) that Liaison uses; the package ships no types.
declare module 'sodium-native' {
  /** Ed25519: whether `signature` (64 bytes) over `message` verifies with `publicKey` (32 bytes). */
  export function crypto_sign_verify_detached(
    signature: Uint8Array,
    message: Uint8Array,
    publicKey: Uint8Array,
  ): boolean;
  const sodium: { crypto_sign_verify_detached: typeof crypto_sign_verify_detached };
  export default sodium;
}
