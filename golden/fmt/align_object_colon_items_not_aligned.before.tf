locals {
  ports = {
    http = 80
    https = 443
    ssh: 22
    "postgres": 5432
    redis = 6379
    memcached = 11211
  }
}
