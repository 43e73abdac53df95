// Original file: contracts/proto/auth.proto


export interface ValidateReply {
  'valid'?: (boolean);
  'username'?: (string);
  /**
   * Additions.
   */
  'expires_at_iso'?: (string);
}

export interface ValidateReply__Output {
  'valid': (boolean);
  'username': (string);
  /**
   * Additions.
   */
  'expires_at_iso': (string);
}
