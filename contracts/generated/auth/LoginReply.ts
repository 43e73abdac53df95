// Original file: contracts/proto/auth.proto


export interface LoginReply {
  'credential'?: (string);
  /**
   * Additions.
   */
  'expires_at_iso'?: (string);
  'session_id'?: (string);
  'username'?: (string);
}

export interface LoginReply__Output {
  'credential': (string);
  /**
   * Additions.
   */
  'expires_at_iso': (string);
  'session_id': (string);
  'username': (string);
}
