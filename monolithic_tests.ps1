<#
.SYNOPSIS
  The original's monolith load tests, for Windows users: brings up the monolith container
  (infrastructure/docker-compose.monolith.yml), seeds it, runs the scenarios, writes
  data/load/ and tears the container down. A thin wrapper over the cross-platform command:
    npm run load -- --target compose-monolith --scenarios <list>
.EXAMPLE
  ./monolithic_tests.ps1                    # scenarios 04-12
  ./monolithic_tests.ps1 -Scenarios smoke
#>
param([string]$Scenarios = 'all')
$ErrorActionPreference = 'Stop'
Push-Location $PSScriptRoot
try {
  npm run load -- --target compose-monolith --scenarios $Scenarios
  exit $LASTEXITCODE
} finally {
  Pop-Location
}
