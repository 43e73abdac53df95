// Original file: contracts/proto/gateway.proto


export interface Auth {
  'credential'?: (string);
}

export interface Auth__Output {
  'credential': (string);
}
