// Original file: contracts/proto/chatroom.proto


export interface CreateRoomRequest {
  'room_name'?: (string);
}

export interface CreateRoomRequest__Output {
  'room_name': (string);
}
