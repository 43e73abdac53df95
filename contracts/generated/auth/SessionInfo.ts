// Original file: contracts/proto/auth.proto


export interface SessionInfo {
  'username'?: (string);
  /**
   * A session id, not the secret token.
   */
  'credential'?: (string);
  'expires_at_iso'?: (string);
}

export interface SessionInfo__Output {
  'username': (string);
  /**
   * A session id, not the secret token.
   */
  'credential': (string);
  'expires_at_iso': (string);
}
