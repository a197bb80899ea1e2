# TFX106 (user-data-base64encode) written as a pattern rule: the built-in
# rule's golden cases give the same output with it (tests/test_patterns_dogfood.py).
rule "user-data-base64encode-pattern" {
  code          = "DOG106"
  message       = "$T.$N: `user_data` holds $F(...); base64 data belongs in `user_data_base64`"
  description   = "Base64-encoded value in `user_data`"
  severity      = "warning"
  safety        = "unsafe"
  fix_message   = "Rename to user_data_base64"
  follow_locals = true # `user_data = local.x`, the local holding base64encode(...)

  match {
    resource "$T" "$N" {
      user_data = $F($...ARGS)
      not {
        user_data_base64 = $_
      }
    }
  }
  replace {
    resource "$T" "$N" {
      user_data_base64 = $F($...ARGS)
    }
  }
  where {
    T = ["aws_instance", "aws_spot_instance_request", "aws_launch_configuration"]
    F = ["base64encode", "base64gzip", "filebase64", "textencodebase64"]
  }

  # both set: reported, with nothing to apply (which one to keep is the author's call)
  pattern "both arguments" {
    message = "$T.$N: `user_data` holds $F(...); base64 data belongs in `user_data_base64` (which is also set: the two conflict, keep one)"
    match {
      resource "$T" "$N" {
        user_data        = $F($...ARGS)
        user_data_base64 = $_
      }
    }
    where {
      T = ["aws_instance", "aws_spot_instance_request", "aws_launch_configuration"]
      F = ["base64encode", "base64gzip", "filebase64", "textencodebase64"]
    }
  }

  example "renamed, comment kept, neighbours realigned" {
    before = <<-EOT
      resource "aws_instance" "a" {
        ami       = "ami-1"
        user_data = base64encode("echo hi") # boot
      }
    EOT
    after  = <<-EOT
      resource "aws_instance" "a" {
        ami              = "ami-1"
        user_data_base64 = base64encode("echo hi") # boot
      }
    EOT
  }
  example "launch templates want base64" {
    before = <<-EOT
      resource "aws_launch_template" "a" {
        user_data = base64encode("echo hi")
      }
    EOT
  }
}
