// Original file: contracts/proto/chatroom.proto


export interface LeaveRoomRequest {
  'room_name'?: (string);
  'person_name'?: (string);
}

export interface LeaveRoomRequest__Output {
  'room_name': (string);
  'person_name': (string);
}
