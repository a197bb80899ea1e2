resource "aws_spot_instance_request" "worker" {
  ami                  = data.aws_ami.al2.id
  instance_type        = "c5.large"
  spot_price           = "0.05"
  wait_for_fulfillment = true
  user_data_base64     = base64encode("#!/bin/bash\necho worker > /etc/role\n")
}
