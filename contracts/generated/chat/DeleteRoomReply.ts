// Original file: contracts/proto/chatroom.proto


export interface DeleteRoomReply {
  'ok'?: (boolean);
}

export interface DeleteRoomReply__Output {
  'ok': (boolean);
}
