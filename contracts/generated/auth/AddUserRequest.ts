// Original file: contracts/proto/auth.proto


export interface AddUserRequest {
  'username'?: (string);
  'password'?: (string);
}

export interface AddUserRequest__Output {
  'username': (string);
  'password': (string);
}
