// Original file: contracts/proto/chatroom.proto


export interface RoomInfo {
  'room_name'?: (string);
  'owner'?: (string);
  'created_at_iso'?: (string);
}

export interface RoomInfo__Output {
  'room_name': (string);
  'owner': (string);
  'created_at_iso': (string);
}
