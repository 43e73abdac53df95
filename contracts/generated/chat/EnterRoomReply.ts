// Original file: contracts/proto/chatroom.proto


export interface EnterRoomReply {
  'ok'?: (boolean);
}

export interface EnterRoomReply__Output {
  'ok': (boolean);
}
