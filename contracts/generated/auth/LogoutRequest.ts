// Original file: contracts/proto/auth.proto


/**
 * Additions.
 */
export interface LogoutRequest {
  'credential'?: (string);
}

/**
 * Additions.
 */
export interface LogoutRequest__Output {
  'credential': (string);
}
