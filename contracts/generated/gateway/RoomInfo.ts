// Original file: contracts/proto/gateway.proto


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
