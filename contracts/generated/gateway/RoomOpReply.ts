// Original file: contracts/proto/gateway.proto


export interface RoomOpReply {
  'ok'?: (boolean);
  'message'?: (string);
}

export interface RoomOpReply__Output {
  'ok': (boolean);
  'message': (string);
}
