locals {
  biggest = max(var.numbers ...)
  least = min( var.numbers...)
  grouped = {for s in var.servers: s.region=>s.name ...}
}
