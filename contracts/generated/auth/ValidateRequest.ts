// Original file: contracts/proto/auth.proto


export interface ValidateRequest {
  'credential'?: (string);
}

export interface ValidateRequest__Output {
  'credential': (string);
}
