locals {
  inverted = {for k,v in var.map : v=>k}
}
