// Original file: contracts/proto/chatroom.proto


export interface DeleteRoomRequest {
  'room_name'?: (string);
}

export interface DeleteRoomRequest__Output {
  'room_name': (string);
}
