# TFX114 (legacy-type-constraint) written as a pattern rule: the built-in
# rule's golden cases give the same output with it (tests/test_patterns_dogfood.py).
rule "legacy-type-constraint-pattern" {
  code        = "DOG114"
  message     = "legacy type constraint `$T`; write `$T(any)`"
  description = "Legacy type constraint in a `variable` block"
  severity    = "warning"
  safety      = "safe"

  pattern "quoted string" {
    message = "legacy type constraint `\"string\"`; write `string`"
    match {
      variable "$N" {
        type = "string"
      }
    }
    replace {
      variable "$N" {
        type = string
      }
    }
  }
  pattern "quoted list" {
    message = "legacy type constraint `\"list\"`; write `list(string)`"
    match {
      variable "$N" {
        type = "list"
      }
    }
    replace {
      variable "$N" {
        type = list(string)
      }
    }
  }
  pattern "quoted map" {
    message = "legacy type constraint `\"map\"`; write `map(string)`"
    match {
      variable "$N" {
        type = "map"
      }
    }
    replace {
      variable "$N" {
        type = map(string)
      }
    }
  }
  pattern "bare collection" {
    match {
      variable "$N" {
        type = $T
      }
    }
    replace {
      variable "$N" {
        type = $T(any)
      }
    }
    where {
      T = all(reference, one_of(["list", "map", "set"]))
    }
  }

  example "quoted map" {
    before = <<-EOT
      variable "a" {
        type = "map"
      }
    EOT
    after  = <<-EOT
      variable "a" {
        type = map(string)
      }
    EOT
  }
  example "bare set" {
    before = <<-EOT
      variable "a" {
        type = set
      }
    EOT
    after  = <<-EOT
      variable "a" {
        type = set(any)
      }
    EOT
  }
  example "modern" {
    before = <<-EOT
      variable "a" {
        type = list(string)
      }
    EOT
  }
}
