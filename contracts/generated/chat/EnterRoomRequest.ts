// Original file: contracts/proto/chatroom.proto


export interface EnterRoomRequest {
  'room_name'?: (string);
  'person_name'?: (string);
}

export interface EnterRoomRequest__Output {
  'room_name': (string);
  'person_name': (string);
}
