// Original file: contracts/proto/chatroom.proto


export interface CreateRoomReply {
  'ok'?: (boolean);
}

export interface CreateRoomReply__Output {
  'ok': (boolean);
}
