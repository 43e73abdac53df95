<#
.SYNOPSIS
  The original's scaled load tests, for Windows users: brings up the services stack
  (infrastructure/docker-compose.yml: LocalStack, N gateway replicas, Envoy), seeds it, runs
  the scenarios, writes data/load/ and tears the stack down. A thin wrapper over:
    npm run load -- --target compose --replicas <N> --scenarios <list> [--stand-in]
.PARAMETER N
  Gateway replicas (docker compose --scale gateway=N), 1 to 16.
.PARAMETER StandIn
  Use CI's override (a LocalStack stand-in, no Envoy) where LocalStack cannot run.
.EXAMPLE
  ./run_scaled_tests.ps1 -N 3
  ./run_scaled_tests.ps1 -N 1 -Scenarios 08,09 -StandIn
#>
param(
  [Parameter(Mandatory = $true)][ValidateRange(1, 16)][int]$N,
  [string]$Scenarios = 'all',
  [switch]$StandIn
)
$ErrorActionPreference = 'Stop'
$extra = @()
if ($StandIn) { $extra += '--stand-in' }
Push-Location $PSScriptRoot
try {
  npm run load -- --target compose --replicas $N --scenarios $Scenarios @extra
  exit $LASTEXITCODE
} finally {
  Pop-Location
}
