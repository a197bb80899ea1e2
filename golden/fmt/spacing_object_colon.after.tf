locals {
  ports = { http : 80, "https" : 443 }
}
