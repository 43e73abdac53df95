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
if [ -z "${JWT_SECRET:-}" ]; then
  echo "deploy: JWT_SECRET is not set; the functions get one generated for this deployment" >&2
  JWT_SECRET=$(node -e "process.stdout.write(require('node:crypto').randomBytes(32).toString('hex'))")
fi
export JWT_SECRET
echo "deploy: serverless deploy --stage local via $AWS_ENDPOINT_URL" >&2
npx serverless deploy --stage local --region "$AWS_REGION"
ENDPOINT=http://localhost:4566 STAGE=local exec node --import tsx localstack/check.ts
