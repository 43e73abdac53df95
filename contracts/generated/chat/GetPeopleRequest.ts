// Original file: contracts/proto/chatroom.proto


export interface GetPeopleRequest {
  'room_name'?: (string);
}

export interface GetPeopleRequest__Output {
  'room_name': (string);
}
