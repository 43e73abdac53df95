#!/bin/sh
# The services stack's one-shot deploy step (infrastructure/docker-compose.yml, service `deploy`):
# deploys serverless.yml's stage `local` (the five tables, the three functions from the esbuild
# bundles built into the tools image, their roles) into LocalStack through its CloudFormation,
# then checks that every table exists and every function answers (localstack/check.ts).
#
# It runs in LocalStack's network namespace, so LocalStack is localhost:4566. Every AWS SDK v3
# client of the framework goes there through AWS_ENDPOINT_URL; the name localhost.localstack.cloud
# (and its subdomains, which S3's virtual-host addressing of the deployment bucket needs) resolves
# to 127.0.0.1.
set -eu
cd "$(dirname "$0")/.."
export AWS_ENDPOINT_URL="${AWS_ENDPOINT_URL:-http://localhost.localstack.cloud:4566}"
export AWS_ACCESS_KEY_ID="${AWS_ACCESS_KEY_ID:-test}" AWS_SECRET_ACCESS_KEY="${AWS_SECRET_ACCESS_KEY:-test}"
export AWS_REGION="${AWS_REGION:-us-east-1}" SLS_TELEMETRY_DISABLED=1
# The login function's signing key: JWT_PRIVATE_KEY, else the development key kept in the
# signing-key volume; its public half goes to the public-key volume the gateways read.
JWT_PRIVATE_KEY=$(node --import tsx scripts/keys.ts --keep /keys/private --public /keys/public)
export JWT_PRIVATE_KEY
echo "deploy: serverless deploy --stage local via $AWS_ENDPOINT_URL" >&2
npx serverless deploy --stage local --region "$AWS_REGION"
ENDPOINT=http://localhost:4566 STAGE=local exec node --import tsx localstack/check.ts
