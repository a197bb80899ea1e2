

locals {
  a = 1
}


