// Original file: contracts/proto/auth.proto


export interface WhoIsLoggedInRequest {
}

export interface WhoIsLoggedInRequest__Output {
}
