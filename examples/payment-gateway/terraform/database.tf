resource "aws_db_subnet_group" "cde" {
  name       = "${local.name}-cde"
  subnet_ids = [aws_subnet.cde_a.id, aws_subnet.cde_b.id]
}

resource "aws_db_instance" "cards" {
  identifier                      = "${local.name}-cards"
  engine                          = "postgres"
  engine_version                  = "16.4"
  instance_class                  = "db.t4g.medium"
  allocated_storage               = 50
  username                        = "gateway"
  manage_master_user_password     = true
  db_subnet_group_name            = aws_db_subnet_group.cde.name
  vpc_security_group_ids          = [aws_security_group.db.id]
  publicly_accessible             = false
  backup_retention_period         = 14
  deletion_protection             = true
  enabled_cloudwatch_logs_exports = ["postgresql"]
  skip_final_snapshot             = false
  final_snapshot_identifier       = "${local.name}-cards-final"
  # GAP: storage_encrypted is left at its default (false) for the database holding card data.
}
