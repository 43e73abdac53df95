// Original file: contracts/proto/chatroom.proto


export interface LeaveRoomReply {
  'ok'?: (boolean);
}

export interface LeaveRoomReply__Output {
  'ok': (boolean);
}
